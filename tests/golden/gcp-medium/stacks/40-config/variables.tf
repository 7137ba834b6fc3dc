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
