output "namespaces" {
  description = "Namespaces of the platform components."
  value       = [for ns in kubernetes_namespace_v1.platform : ns.metadata[0].name]
}

output "harbor_admin_password" {
  description = "Harbor's admin password (stage 40's harbor provider)."
  value       = random_password.harbor_admin.result
  sensitive   = true
}

output "keycloak_automation_client" {
  description = "Keycloak master-realm service-account client (stage 40's keycloak provider)."
  value = {
    client_id     = kubernetes_secret_v1.keycloak_bootstrap_service.data["client-id"]
    client_secret = random_password.keycloak_bootstrap["service"].result
  }
  sensitive = true
}

output "oidc_client_secrets" {
  description = "SSO client secrets by client ID (stage 40 registers the Keycloak clients with them)."
  value       = { for id, p in random_password.oidc : id => p.result }
  sensitive   = true
}
