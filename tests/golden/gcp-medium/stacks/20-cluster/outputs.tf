output "cluster_name" {
  description = "Cluster name."
  value       = module.gke.name
}

output "cluster_location" {
  description = "Cluster location (the region)."
  value       = module.gke.location
}

output "workload_identity_pool" {
  description = "GKE Workload Identity pool (<project>.svc.id.goog)."
  value       = module.gke.identity_namespace
}

output "workload_service_accounts" {
  description = "Google service accounts of the platform workloads, by key."
  value       = { for k, sa in google_service_account.workload : k => sa.email }
}

output "vault_kms_key_id" {
  description = "Cloud KMS key Vault unseals with."
  value       = google_kms_crypto_key.vault.id
}

output "registry_bucket" {
  description = "Harbor's image storage bucket."
  value       = google_storage_bucket.registry.name
}
