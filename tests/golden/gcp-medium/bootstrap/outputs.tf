output "state_bucket" {
  description = "State bucket; every stage's backend.tf points here."
  value       = google_storage_bucket.state.name
}

output "plan_workload_identity_provider" {
  description = "Set as the repository variable GCP_PLAN_WORKLOAD_IDENTITY_PROVIDER."
  value       = module.github_plan.provider_name
}

output "plan_service_account" {
  description = "Set as the repository variable GCP_PLAN_SERVICE_ACCOUNT."
  value       = google_service_account.plan.email
}

output "apply_workload_identity_provider" {
  description = "Set as the environment variable GCP_APPLY_WORKLOAD_IDENTITY_PROVIDER."
  value       = module.github_apply.provider_name
}

output "apply_service_account" {
  description = "Set as the environment variable GCP_APPLY_SERVICE_ACCOUNT."
  value       = google_service_account.apply.email
}

output "drift_workload_identity_provider" {
  description = "Set as the repository variable GCP_DRIFT_WORKLOAD_IDENTITY_PROVIDER."
  value       = module.github_drift.provider_name
}

output "drift_service_account" {
  description = "Set as the repository variable GCP_DRIFT_SERVICE_ACCOUNT."
  value       = google_service_account.drift.email
}
