output "cluster_name" {
  description = "Cluster name."
  value       = module.aks.name
}

output "cluster_id" {
  description = "AKS resource ID."
  value       = module.aks.resource_id
}

output "oidc_issuer_url" {
  description = "Workload identity OIDC issuer."
  value       = module.aks.oidc_issuer_profile_issuer_url
}

output "workload_client_ids" {
  description = "Client IDs of the workload identities, by service account (also on the service accounts)."
  value       = { for k, v in azurerm_user_assigned_identity.workload : k => v.client_id }
}

output "vault_key_id" {
  description = "Key Vault key Vault unseals with."
  value       = azurerm_key_vault_key.vault_unseal.versionless_id
}
