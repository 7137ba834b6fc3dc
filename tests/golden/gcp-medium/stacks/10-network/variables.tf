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

variable "node_cidr" {
  description = "Primary range of the node subnet (inside the plan's network range)."
  type        = string

  validation {
    condition     = can(cidrhost(var.node_cidr, 0))
    error_message = "The node range must be a CIDR block."
  }
}

variable "pods_cidr" {
  description = "Secondary range for pod IPs."
  type        = string
}

variable "services_cidr" {
  description = "Secondary range for Service cluster IPs."
  type        = string
}

variable "domain" {
  description = "DNS domain for every platform hostname."
  type        = string
}

variable "dns_zone_mode" {
  description = "create a Cloud DNS zone, or use an existing public one in the project."
  type        = string

  validation {
    condition     = contains(["create", "existing"], var.dns_zone_mode)
    error_message = "dns_zone_mode must be create or existing."
  }
}
