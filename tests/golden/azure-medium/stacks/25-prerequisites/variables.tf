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
variable "namespaces" {
  description = "Namespaces of the platform components (created here, before any release)."
  type        = list(string)
}

variable "sso_clients" {
  description = "Client IDs of the SSO clients whose secrets are generated here."
  type        = list(string)
}

variable "state_storage_account" {
  description = "Storage account holding every stage's state."
  type        = string
}

variable "state_container" {
  description = "Blob container holding every stage's state."
  type        = string
}

variable "workload_identities" {
  description = "Kubernetes service accounts that act as an Azure identity (created in stage 20), by identity key."
  type = map(object({
    namespace       = string
    service_account = string
  }))
}

variable "dns_resource_group" {
  description = "Resource group of the DNS zone (external-dns's azure.json)."
  type        = string
}
