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

variable "state_storage_account" {
  description = "Storage account holding every stage's state."
  type        = string
}

variable "state_container" {
  description = "Blob container holding every stage's state."
  type        = string
}

variable "realm" {
  description = "Keycloak realm for the platform's users."
  type        = string
}

variable "sso_hostname" {
  description = "Keycloak hostname."
  type        = string
}

variable "sso_clients" {
  description = "OIDC clients by client ID."
  type = map(object({
    name         = string
    redirect_uri = string
  }))
}

variable "vault_hostname" {
  description = "Vault hostname."
  type        = string
}

variable "registry_hostname" {
  description = "Harbor hostname."
  type        = string
}
