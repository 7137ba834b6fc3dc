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

variable "resource_group" {
  description = "Platform resource group (created by the bootstrap)."
  type        = string
}

variable "state_storage_account" {
  description = "State storage account, to read the network stage's outputs."
  type        = string
}

variable "state_container" {
  description = "State blob container."
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

variable "zones" {
  description = "Availability zones the node pools span; empty in a region without zones."
  type        = list(string)
}

variable "system_pool" {
  description = "Node pool that runs as the AKS system pool."
  type        = string
}

variable "node_pools" {
  description = "Node pools by name."
  type = map(object({
    vm_size  = string
    min      = number
    max      = number
    disk_gib = number
  }))
}

variable "workload_identities" {
  description = "Kubernetes service accounts that get an Azure identity, by identity key."
  type = map(object({
    namespace       = string
    service_account = string
    access          = string
  }))
}

variable "key_vault_name" {
  description = "Key Vault holding the Vault unseal key (globally unique)."
  type        = string
}

variable "vault_key_name" {
  description = "Name of the Vault unseal key."
  type        = string
}

variable "registry_storage_account" {
  description = "Storage account for Harbor's image storage (globally unique)."
  type        = string
}

variable "registry_container" {
  description = "Blob container for Harbor's image storage."
  type        = string
}

variable "storage_replication" {
  description = "ZRS where the region has availability zones, LRS otherwise."
  type        = string
}
