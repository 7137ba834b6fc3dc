output "issuer" {
  description = "OIDC issuer URL of the platform realm."
  value       = local.issuer
}
