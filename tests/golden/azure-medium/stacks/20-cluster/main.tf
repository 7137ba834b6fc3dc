data "terraform_remote_state" "network" {
  backend = "azurerm"

  config = {
    storage_account_name = var.state_storage_account
    container_name       = var.state_container
    key                  = "stacks/10-network.tfstate"
    use_azuread_auth     = true
    use_oidc             = true
  }
}

data "azurerm_resource_group" "platform" {
  name = var.resource_group
}

locals {
  vnet_id        = data.terraform_remote_state.network.outputs.vnet_id
  node_subnet_id = data.terraform_remote_state.network.outputs.node_subnet_id
  dns_zone_id    = data.terraform_remote_state.network.outputs.dns_zone_id
  # Regions without availability zones (koreasouth) get no zone pinning.
  zones = length(var.zones) > 0 ? var.zones : null
}

################################################################################
# Control-plane identity: user-assigned so that its Network Contributor role on
# the VNet exists before the cluster (a system-assigned one would not).
################################################################################

resource "azurerm_user_assigned_identity" "aks" {
  name                = "${var.name}-aks"
  location            = var.location
  resource_group_name = data.azurerm_resource_group.platform.name
  tags                = var.tags
}

resource "azurerm_role_assignment" "aks_network" {
  scope                = local.vnet_id
  role_definition_name = "Network Contributor"
  principal_id         = azurerm_user_assigned_identity.aks.principal_id
  principal_type       = "ServicePrincipal"
}

################################################################################
# AKS (Azure Verified Module 0.8.1, AzAPI-based; pre-1.0, so pinned exactly)
################################################################################

module "aks" {
  source  = "Azure/avm-res-containerservice-managedcluster/azurerm"
  version = "0.8.1"

  name               = var.name
  location           = var.location
  parent_id          = data.azurerm_resource_group.platform.id
  kubernetes_version = var.kubernetes_version
  dns_prefix         = var.name
  enable_telemetry   = false

  # Standard tier: financially backed API server SLA (priced in the catalog).
  sku = {
    name = "Base"
    tier = "Standard"
  }

  managed_identities = {
    system_assigned            = false
    user_assigned_resource_ids = [azurerm_user_assigned_identity.aks.id]
  }

  # The API server is public and open to any address (plan: kubernetes.apiAccess
  # restricts it); Entra ID authenticates every call.
  # Entra ID sign-in and Azure RBAC for Kubernetes; no local admin kubeconfig.
  # The bootstrap grants the apply identity RBAC Cluster Admin, the plan identity RBAC Reader.
  aad_profile = {
    managed           = true
    enable_azure_rbac = true
    tenant_id         = var.tenant_id
  }
  disable_local_accounts = true

  # Workload identity: pods exchange their service account token for an Entra token.
  oidc_issuer_profile = {
    enabled = true
  }
  security_profile = {
    workload_identity = {
      enabled = true
    }
    image_cleaner = {
      enabled        = true
      interval_hours = 48
    }
  }

  # Overlay pods and services use RFC 6598 space, which never overlaps the
  # RFC 1918 VNet range the plan allows.
  network_profile = {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_dataplane   = "cilium"
    network_policy      = "cilium"
    load_balancer_sku   = "standard"
    outbound_type       = "userAssignedNATGateway"
    pod_cidr            = "100.64.0.0/16"
    service_cidr        = "100.65.0.0/16"
    dns_service_ip      = "100.65.0.10"
  }

  auto_upgrade_profile = {
    upgrade_channel         = "patch"
    node_os_upgrade_channel = "NodeImage"
  }

  default_agent_pool = {
    name                = var.system_pool
    vm_size             = var.node_pools[var.system_pool].vm_size
    enable_auto_scaling = true
    count_of            = var.node_pools[var.system_pool].min
    min_count           = var.node_pools[var.system_pool].min
    max_count           = var.node_pools[var.system_pool].max
    os_disk_size_gb     = var.node_pools[var.system_pool].disk_gib
    os_disk_type        = "Managed"
    vnet_subnet_id      = local.node_subnet_id
    availability_zones  = local.zones
    node_labels         = { "opsta.dev/pool" = var.system_pool }
    upgrade_settings    = { max_surge = "33%" }
  }

  agent_pools = {
    for name, pool in var.node_pools : name => {
      name                = name
      mode                = "User"
      vm_size             = pool.vm_size
      enable_auto_scaling = true
      count_of            = pool.min
      min_count           = pool.min
      max_count           = pool.max
      os_disk_size_gb     = pool.disk_gib
      os_disk_type        = "Managed"
      vnet_subnet_id      = local.node_subnet_id
      availability_zones  = local.zones
      node_labels         = { "opsta.dev/pool" = name }
      upgrade_settings    = { max_surge = "33%" }
    } if name != var.system_pool
  }

  tags = var.tags

  depends_on = [azurerm_role_assignment.aks_network]
}

################################################################################
# Vault auto-unseal key: Vault starts sealed and unseals itself with this key,
# so no unseal key share ever exists outside Key Vault.
################################################################################

# Reachable publicly (the apply runner creates the key), but RBAC-only: no access
# policies, and only Vault's identity may use the key.
resource "azurerm_key_vault" "vault" {
  name                       = var.key_vault_name
  location                   = var.location
  resource_group_name        = data.azurerm_resource_group.platform.name
  tenant_id                  = var.tenant_id
  sku_name                   = "standard"
  rbac_authorization_enabled = true
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
  tags                       = var.tags
}

resource "azurerm_key_vault_key" "vault_unseal" {
  name         = var.vault_key_name
  key_vault_id = azurerm_key_vault.vault.id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy {
    automatic {
      time_after_creation = "P365D"
    }
  }
}

################################################################################
# Harbor registry storage: Entra ID only, reached through workload identity
################################################################################

resource "azurerm_storage_account" "registry" {
  name                            = var.registry_storage_account
  resource_group_name             = data.azurerm_resource_group.platform.name
  location                        = var.location
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = var.storage_replication
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  shared_access_key_enabled       = false
  default_to_oauth_authentication = true
  allow_nested_items_to_be_public = false
  tags                            = var.tags
}

resource "azurerm_storage_container" "registry" {
  name                  = var.registry_container
  storage_account_id    = azurerm_storage_account.registry.id
  container_access_type = "private"
}

################################################################################
# Workload identities: one user-assigned identity per service account, trusted
# only for that service account's token from this cluster's OIDC issuer.
################################################################################

# What each kind of workload may touch, and nothing else.
locals {
  access = {
    dns = {
      role  = "DNS Zone Contributor"
      scope = local.dns_zone_id
    }
    key = {
      role  = "Key Vault Crypto User"
      scope = azurerm_key_vault_key.vault_unseal.resource_versionless_id
    }
    registry = {
      role  = "Storage Blob Data Contributor"
      scope = azurerm_storage_container.registry.id
    }
  }
}

resource "azurerm_user_assigned_identity" "workload" {
  for_each = var.workload_identities

  name                = "${var.name}-${each.key}"
  location            = var.location
  resource_group_name = data.azurerm_resource_group.platform.name
  tags                = var.tags
}

resource "azurerm_federated_identity_credential" "workload" {
  for_each = var.workload_identities

  name                = "kubernetes"
  resource_group_name = data.azurerm_resource_group.platform.name
  parent_id           = azurerm_user_assigned_identity.workload[each.key].id
  issuer              = module.aks.oidc_issuer_profile_issuer_url
  audience            = ["api://AzureADTokenExchange"]
  subject             = "system:serviceaccount:${each.value.namespace}:${each.value.service_account}"
}

resource "azurerm_role_assignment" "workload" {
  for_each = var.workload_identities

  scope                = local.access[each.value.access].scope
  role_definition_name = local.access[each.value.access].role
  principal_id         = azurerm_user_assigned_identity.workload[each.key].principal_id
  principal_type       = "ServicePrincipal"
}

# The annotated service accounts and external-dns's azure.json are created by
# stage 25 (stacks/25-prerequisites) from workload_client_ids: a Kubernetes
# provider must not depend on a cluster created in the same configuration.
