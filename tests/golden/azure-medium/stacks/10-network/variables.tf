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

variable "vnet_cidr" {
  description = "VNet address range (private, /16 to /22)."
  type        = string

  validation {
    condition     = can(cidrhost(var.vnet_cidr, 0))
    error_message = "The VNet range must be a CIDR block."
  }
}

variable "node_subnet_cidr" {
  description = "Node subnet; Azure subnets are regional, so one subnet serves every zone."
  type        = string
}

variable "domain" {
  description = "DNS domain for every platform hostname."
  type        = string
}

variable "dns_zone_mode" {
  description = "create an Azure DNS zone, or use an existing public one."
  type        = string

  validation {
    condition     = contains(["create", "existing"], var.dns_zone_mode)
    error_message = "dns_zone_mode must be create or existing."
  }
}

variable "dns_resource_group" {
  description = "Resource group of the DNS zone (the platform group when it is created here)."
  type        = string
}
