# Run once by an administrator with their own Azure CLI session (see README.md).
# Creates the state storage, the platform resource group and the three
# user-assigned identities GitHub Actions signs in as through OIDC: a read-only
# plan identity for pull requests, a read-only drift identity for the scheduled
# drift check on the base branch, and an apply identity for the protected
# environment. No client secret or storage key is created anywhere.

################################################################################
# Resource groups: one for state and pipeline identities, one for the platform.
# The apply identity only gets write access to the platform group.
################################################################################

resource "azurerm_resource_group" "state" {
  name     = var.state_resource_group
  location = var.location
  tags     = var.tags
}

resource "azurerm_resource_group" "platform" {
  name     = var.resource_group
  location = var.location
  tags     = var.tags
}

################################################################################
# State storage: versioned, soft delete, TLS 1.2, Entra ID only (no shared keys,
# no SAS). Locking uses blob leases.
################################################################################

resource "azurerm_storage_account" "state" {
  name                            = var.state_storage_account
  resource_group_name             = azurerm_resource_group.state.name
  location                        = azurerm_resource_group.state.location
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = var.storage_replication
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  shared_access_key_enabled       = false
  default_to_oauth_authentication = true
  allow_nested_items_to_be_public = false

  blob_properties {
    versioning_enabled = true

    delete_retention_policy {
      days = 30
    }

    container_delete_retention_policy {
      days = 30
    }
  }

  tags = var.tags

  # Every stage's state lives here: a destroy must be a deliberate code change.
  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_storage_container" "state" {
  name                  = var.state_container
  storage_account_id    = azurerm_storage_account.state.id
  container_access_type = "private"
}

################################################################################
# GitHub OIDC: user-assigned identities with federated credentials. Subjects
# must match GitHub's `sub` exactly (case-sensitive, no wildcards).
################################################################################

locals {
  github_issuer   = "https://token.actions.githubusercontent.com"
  github_audience = "api://AzureADTokenExchange"
  subscription    = "/subscriptions/${var.subscription_id}"
}

resource "azurerm_user_assigned_identity" "plan" {
  name                = var.plan_identity
  resource_group_name = azurerm_resource_group.state.name
  location            = azurerm_resource_group.state.location
  tags                = var.tags
}

resource "azurerm_user_assigned_identity" "apply" {
  name                = var.apply_identity
  resource_group_name = azurerm_resource_group.state.name
  location            = azurerm_resource_group.state.location
  tags                = var.tags
}

resource "azurerm_federated_identity_credential" "plan" {
  for_each = { for i, s in var.plan_subjects : tostring(i) => s }

  name                = "github-plan-${each.key}"
  resource_group_name = azurerm_resource_group.state.name
  parent_id           = azurerm_user_assigned_identity.plan.id
  issuer              = local.github_issuer
  audience            = [local.github_audience]
  subject             = each.value
}

resource "azurerm_user_assigned_identity" "drift" {
  name                = var.drift_identity
  resource_group_name = azurerm_resource_group.state.name
  location            = azurerm_resource_group.state.location
  tags                = var.tags
}

resource "azurerm_federated_identity_credential" "drift" {
  for_each = { for i, s in var.drift_subjects : tostring(i) => s }

  name                = "github-drift-${each.key}"
  resource_group_name = azurerm_resource_group.state.name
  parent_id           = azurerm_user_assigned_identity.drift.id
  issuer              = local.github_issuer
  audience            = [local.github_audience]
  subject             = each.value
}

resource "azurerm_federated_identity_credential" "apply" {
  for_each = { for i, s in var.apply_subjects : tostring(i) => s }

  name                = "github-apply-${each.key}"
  resource_group_name = azurerm_resource_group.state.name
  parent_id           = azurerm_user_assigned_identity.apply.id
  issuer              = local.github_issuer
  audience            = [local.github_audience]
  subject             = each.value
}

################################################################################
# Plan identity. Pull requests run code their author controls (the PR's own
# copy of plan.yml), so it reads resource metadata (Reader: no data plane, no
# listKeys) and only the state blobs of the stages planned on pull requests.
# Apply-only stages keep secrets in state; Key Vault secrets stay unreadable.
# Pull requests plan with -lock=false, so it needs no write access (no lease).
################################################################################

resource "azurerm_role_assignment" "plan_reader" {
  scope                = local.subscription
  role_definition_name = "Reader"
  principal_id         = azurerm_user_assigned_identity.plan.principal_id
  principal_type       = "ServicePrincipal"
}

# Role assignments cannot be scoped to one blob, so an ABAC condition limits
# the read to the planned stages' state blobs (one container keeps the backend
# configuration of every stage the same). Listing stays allowed: terraform init
# lists workspaces, and a blob list shows names, not contents.
resource "azurerm_role_assignment" "plan_state" {
  scope                = azurerm_storage_container.state.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.plan.principal_id
  principal_type       = "ServicePrincipal"
  description          = "Opsta: pull-request plans read only the state of the stages they plan"
  condition_version    = "2.0"
  condition            = <<-CONDITION
    (
     (
      !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND NOT SubOperationMatches{'Blob.List'})
     )
     OR
     (
      @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringEquals 'stacks/10-network.tfstate'
      OR
      @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringEquals 'stacks/20-cluster.tfstate'
     )
    )
  CONDITION
}

# Stage 20 refreshes the Vault unseal key, which an RBAC-mode vault serves from
# its data plane. Key Vault Reader reads key metadata only: no key material, no
# cryptographic operation, no secret value.
resource "azurerm_role_assignment" "plan_keys" {
  scope                = azurerm_resource_group.platform.id
  role_definition_name = "Key Vault Reader"
  principal_id         = azurerm_user_assigned_identity.plan.principal_id
  principal_type       = "ServicePrincipal"
}

# helmfile diff on pull requests: sign in to the cluster (Cluster User) and read it (RBAC Reader: no Secrets).
resource "azurerm_role_assignment" "plan_cluster_user" {
  scope                = azurerm_resource_group.platform.id
  role_definition_name = "Azure Kubernetes Service Cluster User Role"
  principal_id         = azurerm_user_assigned_identity.plan.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "plan_cluster_reader" {
  scope                = azurerm_resource_group.platform.id
  role_definition_name = "Azure Kubernetes Service RBAC Reader"
  principal_id         = azurerm_user_assigned_identity.plan.principal_id
  principal_type       = "ServicePrincipal"
}

################################################################################
# Drift identity. drift.yml plans on a schedule, unattended, so it cannot wait
# for the environment's reviewers; it runs bound to no environment and this
# identity's one federated credential is that job's subject on the base branch
# (never a pull request, never the environment). A managed identity's federated
# credential matches "sub" exactly and no other claim, so any workflow merged to
# the base branch can sign in as it: it reads what the plan identity reads for
# the stages pull requests plan (no apply-only state, no secret) and writes
# nothing (drift plans with -lock=false: no lease). The scheduled health run
# signs in as it too and reads the cluster as the plan identity does.
################################################################################

resource "azurerm_role_assignment" "drift_reader" {
  scope                = local.subscription
  role_definition_name = "Reader"
  principal_id         = azurerm_user_assigned_identity.drift.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "drift_state" {
  scope                = azurerm_storage_container.state.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.drift.principal_id
  principal_type       = "ServicePrincipal"
  description          = "Opsta: drift checks read only the state of the stages pull requests plan"
  condition_version    = "2.0"
  condition            = <<-CONDITION
    (
     (
      !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND NOT SubOperationMatches{'Blob.List'})
     )
     OR
     (
      @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringEquals 'stacks/10-network.tfstate'
      OR
      @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringEquals 'stacks/20-cluster.tfstate'
     )
    )
  CONDITION
}

# health.yml: fetch the user kubeconfig (Cluster User: with local accounts
# disabled it holds no credential, kubelogin signs in as this identity) and read
# the cluster (RBAC Reader: Kubernetes' "view", no Secrets, no writes).
resource "azurerm_role_assignment" "drift_cluster_user" {
  scope                = azurerm_resource_group.platform.id
  role_definition_name = "Azure Kubernetes Service Cluster User Role"
  principal_id         = azurerm_user_assigned_identity.drift.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "drift_cluster_reader" {
  scope                = azurerm_resource_group.platform.id
  role_definition_name = "Azure Kubernetes Service RBAC Reader"
  principal_id         = azurerm_user_assigned_identity.drift.principal_id
  principal_type       = "ServicePrincipal"
}


# Stage 20 refreshes the Vault key vault and its unseal key, partly from the
# vault's data plane. Key Vault Reader would do, but the built-in role also
# carries deployments/*, alertRules/* and Support/* (writes); this role keeps
# only its metadata reads (no key material, no secret value: those are /action).
resource "azurerm_role_definition" "drift_keys" {
  name        = "${var.name} drift: Key Vault metadata reader (${var.subscription_id})"
  scope       = azurerm_resource_group.platform.id
  description = "Opsta drift check: read Key Vault key metadata; no key material, no cryptographic operation, no secret value"

  permissions {
    actions      = ["Microsoft.KeyVault/vaults/read"]
    data_actions = ["Microsoft.KeyVault/vaults/*/read"]
  }

  assignable_scopes = [azurerm_resource_group.platform.id]
}

resource "azurerm_role_assignment" "drift_keys" {
  scope              = azurerm_resource_group.platform.id
  role_definition_id = azurerm_role_definition.drift_keys.role_definition_resource_id
  principal_id       = azurerm_user_assigned_identity.drift.principal_id
  principal_type     = "ServicePrincipal"
}

################################################################################
# Apply identity: manages the platform resource group only.
################################################################################

resource "azurerm_role_assignment" "apply_reader" {
  scope                = local.subscription
  role_definition_name = "Reader"
  principal_id         = azurerm_user_assigned_identity.apply.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "apply_state" {
  scope                = azurerm_storage_container.state.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.apply.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "apply_contributor" {
  scope                = azurerm_resource_group.platform.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_user_assigned_identity.apply.principal_id
  principal_type       = "ServicePrincipal"
}

# Contributor cannot assign roles, but stage 20 must: the AKS identity needs
# Network Contributor on the VNet and each workload identity its own narrow
# role. The condition limits the apply identity to assigning (and removing)
# only those built-in roles, so it cannot grant itself or anyone else Owner.
resource "azurerm_role_assignment" "apply_access" {
  scope                = azurerm_resource_group.platform.id
  role_definition_name = "User Access Administrator"
  principal_id         = azurerm_user_assigned_identity.apply.principal_id
  principal_type       = "ServicePrincipal"
  description          = "Opsta stage 20: assign only the roles the platform's identities need"
  condition_version    = "2.0"
  condition            = local.delegation_condition
}

# Data-plane roles Contributor lacks: create the Vault unseal key in the
# RBAC-mode Key Vault, and administer the AKS cluster (Azure RBAC for Kubernetes).
resource "azurerm_role_assignment" "apply_keys" {
  scope                = azurerm_resource_group.platform.id
  role_definition_name = "Key Vault Crypto Officer"
  principal_id         = azurerm_user_assigned_identity.apply.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "apply_cluster_admin" {
  scope                = azurerm_resource_group.platform.id
  role_definition_name = "Azure Kubernetes Service RBAC Cluster Admin"
  principal_id         = azurerm_user_assigned_identity.apply.principal_id
  principal_type       = "ServicePrincipal"
}

locals {
  delegable_roles = join(", ", var.delegable_role_ids)
  delegation_condition = join("\n", [
    "(",
    " (",
    "  !(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})",
    " )",
    " OR",
    " (",
    "  @Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${local.delegable_roles}}",
    " )",
    ")",
    "AND",
    "(",
    " (",
    "  !(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})",
    " )",
    " OR",
    " (",
    "  @Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${local.delegable_roles}}",
    " )",
    ")",
  ])
}

################################################################################
# An existing DNS zone lives in its own resource group (README: bootstrap):
# the apply identity may delegate DNS Zone Contributor there, nothing else.
################################################################################

data "azurerm_resource_group" "dns" {
  count = var.dns_zone_mode == "existing" ? 1 : 0

  name = var.dns_resource_group
}

data "azurerm_dns_zone" "existing" {
  count = var.dns_zone_mode == "existing" ? 1 : 0

  name                = var.domain
  resource_group_name = data.azurerm_resource_group.dns[0].name
}

resource "azurerm_role_assignment" "apply_dns_access" {
  count = var.dns_zone_mode == "existing" ? 1 : 0

  scope                = data.azurerm_dns_zone.existing[0].id
  role_definition_name = "User Access Administrator"
  principal_id         = azurerm_user_assigned_identity.apply.principal_id
  principal_type       = "ServicePrincipal"
  description          = "Opsta stage 20: let external-dns and cert-manager manage records in the existing zone"
  condition_version    = "2.0"
  condition            = replace(local.delegation_condition, local.delegable_roles, "befefa01-2a29-4197-83a8-272ff33ce314")
}
