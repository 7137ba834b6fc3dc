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

variable "region" {
  description = "AWS region."
  type        = string
}

variable "account_id" {
  description = "AWS account the stack may touch; any other account is refused by the provider."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "The account ID must be 12 digits."
  }
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
}

variable "state_bucket" {
  description = "Name of the S3 bucket that holds every stage's state."
  type        = string
}

variable "plan_subjects" {
  description = "OIDC subjects allowed to assume the plan role (pull requests of this repository)."
  type        = list(string)
}

variable "apply_subjects" {
  description = "OIDC subjects allowed to assume the apply role (the protected environment of this repository)."
  type        = list(string)
}

variable "drift_subjects" {
  description = "OIDC subjects allowed to assume the drift role (jobs on the base branch bound to no environment)."
  type        = list(string)

  # The role module matches subjects with StringLike: a wildcard would admit other refs.
  validation {
    condition     = alltrue([for s in var.drift_subjects : can(regex("^repo:[^*?]+:ref:refs/heads/[^*?]+$", s))])
    error_message = "Drift subjects name one branch of this repository (repo:<owner>/<repo>:ref:refs/heads/<branch>), without wildcards."
  }
}

variable "create_github_oidc_provider" {
  description = "Create GitHub's OIDC identity provider. Set false when the account already has one (an account holds one per URL); the roles then trust the existing provider."
  type        = bool
  default     = true
}
