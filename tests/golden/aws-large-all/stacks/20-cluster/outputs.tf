output "cluster_name" {
  description = "Cluster name."
  value       = var.name
}

output "cluster_endpoint" {
  description = "Kubernetes API endpoint."
  value       = module.eks.cluster_endpoint
}

output "oidc_provider_arn" {
  description = "IRSA OIDC provider."
  value       = module.eks.oidc_provider_arn
}

output "vault_kms_key_id" {
  description = "KMS key Vault unseals with."
  value       = module.vault_kms.key_id
}
