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
  description = "State bucket, to read the network stage's outputs."
  type        = string
}

variable "kubernetes_version" {
  description = "Kubernetes minor version."
  type        = string
}

variable "api_allowed_cidrs" {
  description = "Networks that may reach the Kubernetes API (plan: kubernetes.apiAccess.allowedCidrs)."
  type        = list(string)
}

variable "node_pools" {
  description = "Worker node pools by name."
  type = map(object({
    instance_type = string
    min           = number
    max           = number
    disk_gib      = number
  }))
}

variable "apply_role_arn" {
  description = "Role the apply workflow assumes; administers the cluster."
  type        = string
}

variable "plan_role_arn" {
  description = "Role the plan workflow assumes; reads the cluster."
  type        = string
}

variable "drift_role_arn" {
  description = "Role the scheduled drift and health runs assume; reads the cluster (no Secrets)."
  type        = string
}

variable "registry_bucket" {
  description = "S3 bucket for Harbor's image storage."
  type        = string
}

variable "backup_bucket" {
  description = "S3 bucket for Keycloak's database backups (CloudNativePG base backups and WAL)."
  type        = string
}

variable "backup_retention_days" {
  description = "Days a backup, or an overwritten or deleted backup object, is kept."
  type        = number
}
