output "state_storage_account" {
  description = "State storage account; every stage's backend.tf points here."
  value       = azurerm_storage_account.state.name
}

output "plan_client_id" {
  description = "Set as the repository variable AZURE_PLAN_CLIENT_ID."
  value       = azurerm_user_assigned_identity.plan.client_id
}

output "apply_client_id" {
  description = "Set as the environment variable AZURE_APPLY_CLIENT_ID."
  value       = azurerm_user_assigned_identity.apply.client_id
}

output "drift_client_id" {
  description = "Set as the repository variable AZURE_DRIFT_CLIENT_ID."
  value       = azurerm_user_assigned_identity.drift.client_id
}

output "resource_group_id" {
  description = "Platform resource group."
  value       = azurerm_resource_group.platform.id
}
