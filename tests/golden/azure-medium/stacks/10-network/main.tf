# The platform resource group is created by the bootstrap, which grants the
# apply identity its access there; every stage deploys into it.
data "azurerm_resource_group" "platform" {
  name = var.resource_group
}

################################################################################
# NAT gateway: the nodes' only way out (outbound type userAssignedNATGateway).
# Azure subnets span every zone, so one gateway serves the node subnet.
################################################################################

resource "azurerm_public_ip" "nat" {
  name                = "${var.name}-nat"
  location            = var.location
  resource_group_name = data.azurerm_resource_group.platform.name
  allocation_method   = "Static"
  sku                 = "Standard"
  tags                = var.tags
}

resource "azurerm_nat_gateway" "this" {
  name                    = "${var.name}-nat"
  location                = var.location
  resource_group_name     = data.azurerm_resource_group.platform.name
  sku_name                = "Standard"
  idle_timeout_in_minutes = 4
  tags                    = var.tags
}

resource "azurerm_nat_gateway_public_ip_association" "this" {
  nat_gateway_id       = azurerm_nat_gateway.this.id
  public_ip_address_id = azurerm_public_ip.nat.id
}

################################################################################
# VNet (Azure Verified Module, AzAPI-based: parent_id is the resource group ID)
################################################################################

module "vnet" {
  source  = "Azure/avm-res-network-virtualnetwork/azurerm"
  version = "0.22.1"

  name          = var.name
  location      = var.location
  parent_id     = data.azurerm_resource_group.platform.id
  address_space = [var.vnet_cidr]

  subnets = {
    nodes = {
      name             = "nodes"
      address_prefixes = [var.node_subnet_cidr]
      nat_gateway = {
        id = azurerm_nat_gateway.this.id
      }
    }
  }

  enable_telemetry = false
  tags             = var.tags

  depends_on = [azurerm_nat_gateway_public_ip_association.this]
}

################################################################################
# DNS zone for every platform hostname
################################################################################

resource "azurerm_dns_zone" "platform" {
  count = var.dns_zone_mode == "create" ? 1 : 0

  name                = var.domain
  resource_group_name = data.azurerm_resource_group.platform.name
  tags                = var.tags
}

data "azurerm_dns_zone" "existing" {
  count = var.dns_zone_mode == "existing" ? 1 : 0

  name                = var.domain
  resource_group_name = var.dns_resource_group
}

locals {
  dns_zone_id = var.dns_zone_mode == "create" ? azurerm_dns_zone.platform[0].id : data.azurerm_dns_zone.existing[0].id
}
