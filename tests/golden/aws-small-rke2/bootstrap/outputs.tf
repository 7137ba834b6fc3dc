output "state_bucket" {
  description = "State bucket; every stage's backend.tf points here."
  value       = aws_s3_bucket.state.id
}

output "plan_role_arn" {
  description = "Set as the repository variable AWS_PLAN_ROLE_ARN."
  value       = module.plan_role.arn
}

output "apply_role_arn" {
  description = "Set as the environment variable AWS_APPLY_ROLE_ARN."
  value       = module.apply_role.arn
}

output "drift_role_arn" {
  description = "Set as the repository variable AWS_DRIFT_ROLE_ARN."
  value       = module.drift_role.arn
}

output "workload_boundary_arn" {
  description = "Permissions boundary every IAM role of stage 20 carries."
  value       = aws_iam_policy.workload_boundary.arn
}
