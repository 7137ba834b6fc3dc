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
  description = "State bucket, to read the network stage's outputs."
  type        = string
}

variable "kubernetes_version" {
  description = "Kubernetes minor version (the minimum; the REGULAR channel upgrades within it)."
  type        = string
}

variable "api_allowed_cidrs" {
  description = "Networks that may reach the Kubernetes API (plan: kubernetes.apiAccess.allowedCidrs)."
  type        = list(string)
}

variable "zones" {
  description = "Zones the regional cluster's nodes run in."
  type        = list(string)
}

variable "control_plane_cidr" {
  description = "/28 for the GKE control plane's private endpoint; inside the network range, used by no subnet."
  type        = string
}

variable "node_pools" {
  description = "Worker node pools by name; min and max are totals across the zones."
  type = map(object({
    machine_type = string
    min          = number
    max          = number
    disk_gib     = number
  }))
}

variable "workload_identities" {
  description = "Google service accounts for platform workloads, by key: account ID and the Kubernetes service account allowed to use it."
  type = map(object({
    account_id      = string
    namespace       = string
    service_account = string
  }))
}

variable "dns_workloads" {
  description = "Keys of workload_identities that manage records in Cloud DNS."
  type        = list(string)
}

variable "vault_key_ring" {
  description = "Cloud KMS key ring for Vault's auto-unseal key."
  type        = string
}

variable "vault_crypto_key" {
  description = "Cloud KMS key Vault unseals with."
  type        = string
}

variable "registry_bucket" {
  description = "GCS bucket for Harbor's image storage."
  type        = string
}

variable "registry_k8s_service_account" {
  description = "Kubernetes service account Harbor's registry runs as."
  type = object({
    namespace       = string
    service_account = string
  })
}
