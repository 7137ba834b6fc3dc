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
  description = "Bucket holding every stage's state."
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
