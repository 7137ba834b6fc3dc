# Cluster prerequisites: everything a platform release reads when it starts,
# created before stage 30 so that no release waits on a later stage.
#
# Every credential here is generated once by Terraform (random_password) and
# written to a Kubernetes Secret that the Helm values name. None is in this
# repository, none is a chart's vendor default, and none is regenerated on
# each render (so an apply does not restart the workloads). They live in this
# stage's state, which is encrypted at rest and readable only by the apply
# identity: pull requests never plan this stage.
#
# The cluster is the one stage 20 created (a separate root, so the Kubernetes
# provider never depends on a cluster created in the same apply).

resource "kubernetes_namespace_v1" "platform" {
  for_each = toset(var.namespaces)

  metadata {
    name = each.key
  }
}

################################################################################
# Grafana: admin user (the chart would generate a new password on each render).
################################################################################

resource "random_password" "grafana_admin" {
  length  = 32
  special = false
}

resource "kubernetes_secret_v1" "grafana_admin" {
  metadata {
    name      = "grafana-admin"
    namespace = kubernetes_namespace_v1.platform["monitoring"].metadata[0].name
  }

  data = {
    admin-user     = "admin"
    admin-password = random_password.grafana_admin.result
  }
}
