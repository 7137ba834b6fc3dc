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

variable "location" {
  description = "Azure region."
  type        = string
}

variable "subscription_id" {
  description = "Azure subscription the stack may touch."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.subscription_id))
    error_message = "The subscription ID must be a lowercase GUID."
  }
}

variable "tenant_id" {
  description = "Microsoft Entra tenant of the subscription."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.tenant_id))
    error_message = "The tenant ID must be a lowercase GUID."
  }
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
}

variable "state_resource_group" {
  description = "Resource group for the state storage and the pipeline identities."
  type        = string
}

variable "state_storage_account" {
  description = "Storage account that holds every stage's state (globally unique)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]{3,24}$", var.state_storage_account))
    error_message = "Storage account names are 3-24 lowercase letters and digits."
  }
}

variable "state_container" {
  description = "Blob container for state."
  type        = string
}

variable "storage_replication" {
  description = "ZRS where the region has availability zones, LRS otherwise."
  type        = string
}

variable "resource_group" {
  description = "Resource group every stage deploys into; the apply identity manages only this group."
  type        = string
}

variable "plan_identity" {
  description = "Name of the identity pull requests sign in as."
  type        = string
}

variable "apply_identity" {
  description = "Name of the identity the protected environment signs in as."
  type        = string
}

variable "drift_identity" {
  description = "Name of the identity the scheduled drift check on the base branch signs in as."
  type        = string
}

variable "plan_subjects" {
  description = "GitHub OIDC subjects trusted by the plan identity (pull requests of this repository)."
  type        = list(string)

  validation {
    condition     = length(var.plan_subjects) <= 20 && alltrue([for s in var.plan_subjects : !strcontains(s, "*")])
    error_message = "An identity takes at most 20 federated credentials, and subjects cannot contain wildcards."
  }
}

variable "apply_subjects" {
  description = "GitHub OIDC subjects trusted by the apply identity (the protected environment of this repository)."
  type        = list(string)

  validation {
    condition     = length(var.apply_subjects) <= 20 && alltrue([for s in var.apply_subjects : !strcontains(s, "*")])
    error_message = "An identity takes at most 20 federated credentials, and subjects cannot contain wildcards."
  }
}

variable "drift_subjects" {
  description = "GitHub OIDC subjects trusted by the drift identity (jobs on the base branch bound to no environment)."
  type        = list(string)

  validation {
    condition     = length(var.drift_subjects) <= 20 && alltrue([for s in var.drift_subjects : can(regex("^repo:[^*?]+:ref:refs/heads/[^*?]+$", s))])
    error_message = "Drift subjects name one branch of this repository (repo:<owner>/<repo>:ref:refs/heads/<branch>), without wildcards; an identity takes at most 20 federated credentials."
  }
}

variable "delegable_role_ids" {
  description = "Built-in role definition IDs the apply identity may assign in the platform resource group."
  type        = list(string)
}

variable "domain" {
  description = "DNS domain for every platform hostname."
  type        = string
}

variable "dns_zone_mode" {
  description = "create the zone in stage 10, or use an existing one."
  type        = string

  validation {
    condition     = contains(["create", "existing"], var.dns_zone_mode)
    error_message = "dns_zone_mode must be create or existing."
  }
}

variable "dns_resource_group" {
  description = "Resource group of the DNS zone."
  type        = string
}
