################################################################################
# Workload identity (AKS): the annotated service accounts. Stage 20 creates each
# user-assigned identity, its federated credential and its role assignment; the
# client IDs exist only after that apply and Helm values are static files, so
# the service accounts are created here, from stage 20's outputs, and the
# charts use them (serviceAccount.create = false).
################################################################################

data "terraform_remote_state" "cluster" {
  backend = "azurerm"

  config = {
    storage_account_name = var.state_storage_account
    container_name       = var.state_container
    key                  = "stacks/20-cluster.tfstate"
    use_azuread_auth     = true
    use_oidc             = true
  }
}

resource "kubernetes_service_account_v1" "workload" {
  for_each = var.workload_identities

  metadata {
    name      = each.value.service_account
    namespace = kubernetes_namespace_v1.platform[each.value.namespace].metadata[0].name

    annotations = {
      "azure.workload.identity/client-id" = data.terraform_remote_state.cluster.outputs.workload_client_ids[each.key]
      "azure.workload.identity/tenant-id" = var.tenant_id
    }
  }
}

# external-dns's azure.json: where the zone is, and to use workload identity. No credentials.
resource "kubernetes_config_map_v1" "external_dns_azure" {
  metadata {
    name      = "external-dns-azure"
    namespace = kubernetes_namespace_v1.platform["external-dns"].metadata[0].name
  }

  data = {
    "azure.json" = jsonencode({
      tenantId                     = var.tenant_id
      subscriptionId               = var.subscription_id
      resourceGroup                = var.dns_resource_group
      useWorkloadIdentityExtension = true
    })
  }
}
