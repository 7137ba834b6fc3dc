variable "name" {
  description = "Platform name; prefixes every resource."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", var.name))
    error_message = "The name must be 2-32 lowercase letters, digits or hyphens."
  }
}

variable "environment" {
  description = "Environment name (prod, staging, ...)."
  type        = string
}

variable "project_id" {
  description = "Google Cloud project every resource lives in."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "The project ID must be 6-30 lowercase letters, digits or hyphens."
  }
}

variable "region" {
  description = "Google Cloud region."
  type        = string
}

variable "labels" {
  description = "Labels applied to every resource that takes them."
  type        = map(string)
}

variable "state_bucket" {
  description = "Name of the GCS bucket that holds every stage's state."
  type        = string
}

variable "plan_pool_id" {
  description = "Workload identity pool for pull-request plans."
  type        = string
}

variable "apply_pool_id" {
  description = "Workload identity pool for applies from the protected environment."
  type        = string
}

variable "drift_pool_id" {
  description = "Workload identity pool for the scheduled drift check on the base branch."
  type        = string
}

variable "plan_attribute_condition" {
  description = "CEL condition the plan provider requires of a GitHub token (this repository, pull_request events)."
  type        = string

  validation {
    condition     = length(trimspace(var.plan_attribute_condition)) > 0
    error_message = "An attribute condition is required: without one any GitHub repository could present a token."
  }
}

variable "apply_attribute_condition" {
  description = "CEL condition the apply provider requires of a GitHub token (this repository, the protected environment, the base branch)."
  type        = string

  validation {
    condition     = length(trimspace(var.apply_attribute_condition)) > 0
    error_message = "An attribute condition is required: without one any GitHub repository could present a token."
  }
}

variable "drift_attribute_condition" {
  description = "CEL condition the drift provider requires of a GitHub token (this repository, drift.yml or health.yml on the base branch, scheduled or dispatched, no environment)."
  type        = string

  validation {
    condition     = strcontains(var.drift_attribute_condition, "assertion.job_workflow_ref in [") && strcontains(var.drift_attribute_condition, "assertion.sub ==")
    error_message = "The drift condition must pin the workflows (assertion.job_workflow_ref in [...]) and the subject (assertion.sub): without them any workflow or pull request of the repository could present a token."
  }
}

variable "repository_principal_attribute" {
  description = "Pool attribute naming this repository (attribute.repository_id/<id> or attribute.repository/<owner>/<repo>) for the principalSet bindings."
  type        = string
}

variable "plan_service_account_id" {
  description = "Account ID of the plan service account."
  type        = string
}

variable "apply_service_account_id" {
  description = "Account ID of the apply service account."
  type        = string
}

variable "drift_service_account_id" {
  description = "Account ID of the drift service account."
  type        = string
}
