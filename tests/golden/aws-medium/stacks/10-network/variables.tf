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

variable "vpc_cidr" {
  description = "VPC address range (private, /16 to /22)."
  type        = string

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "The VPC range must be a CIDR block."
  }
}

variable "zones" {
  description = "Availability zones, one private and one public subnet each."
  type        = list(string)
}

variable "private_subnets" {
  description = "Private subnet per zone."
  type        = list(string)
}

variable "public_subnets" {
  description = "Public subnet per zone."
  type        = list(string)
}

variable "single_nat_gateway" {
  description = "One shared NAT gateway (cheaper) instead of one per zone (survives a zone outage)."
  type        = bool
}

variable "domain" {
  description = "DNS domain for every platform hostname."
  type        = string
}

variable "dns_zone_mode" {
  description = "create a hosted zone, or use an existing public one."
  type        = string

  validation {
    condition     = contains(["create", "existing"], var.dns_zone_mode)
    error_message = "dns_zone_mode must be create or existing."
  }
}
