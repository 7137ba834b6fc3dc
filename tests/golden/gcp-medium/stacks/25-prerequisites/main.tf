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
# Harbor: admin password, encryption key and the internal secrets, which the
# chart would otherwise leave at its public defaults or invent anew on every
# render.
################################################################################

resource "random_password" "harbor_admin" {
  length      = 32
  special     = false
  min_upper   = 1
  min_lower   = 1
  min_numeric = 1
}

# Break-glass account: SSO (stage 40) is the way in; stage 40's harbor provider
# logs in with this password, read from this stage's state.
resource "kubernetes_secret_v1" "harbor_admin" {
  metadata {
    name      = "harbor-admin"
    namespace = kubernetes_namespace_v1.platform["harbor"].metadata[0].name
  }

  data = {
    HARBOR_ADMIN_PASSWORD = random_password.harbor_admin.result
  }
}

# Harbor's internal secrets. Lengths are what Harbor requires: secretKey and the
# service secrets 16 characters, the CSRF key 32.
resource "random_password" "harbor_internal" {
  for_each = {
    secret_key      = 16
    core            = 16
    jobservice      = 16
    registry_http   = 16
    csrf            = 32
    database        = 32
    registry_client = 32
  }

  length  = each.value
  special = false
}

resource "kubernetes_secret_v1" "harbor_internal" {
  metadata {
    name      = "harbor-internal"
    namespace = kubernetes_namespace_v1.platform["harbor"].metadata[0].name
  }

  data = {
    secretKey            = random_password.harbor_internal["secret_key"].result
    secret               = random_password.harbor_internal["core"].result
    JOBSERVICE_SECRET    = random_password.harbor_internal["jobservice"].result
    REGISTRY_HTTP_SECRET = random_password.harbor_internal["registry_http"].result
    CSRF_KEY             = random_password.harbor_internal["csrf"].result
    # The chart has no existingSecret for its internal database: the values
    # inject this into the database and core containers (extraEnvVars).
    POSTGRES_PASSWORD = random_password.harbor_internal["database"].result
    # Core and jobservice log in to the registry with REGISTRY_PASSWD; the
    # registry checks it against this htpasswd line (user: the chart's
    # registry.credentials.username default).
    REGISTRY_PASSWD   = random_password.harbor_internal["registry_client"].result
    REGISTRY_HTPASSWD = "harbor_registry_user:${random_password.harbor_internal["registry_client"].bcrypt_hash}"
  }
}

# The key pair Harbor core signs its registry tokens with.
resource "tls_private_key" "harbor_token_service" {
  algorithm = "RSA"
  rsa_bits  = 4096
}

resource "tls_self_signed_cert" "harbor_token_service" {
  private_key_pem       = tls_private_key.harbor_token_service.private_key_pem
  validity_period_hours = 87600
  early_renewal_hours   = 720
  allowed_uses          = ["digital_signature"]

  subject {
    common_name = "harbor-token-service"
  }
}

resource "kubernetes_secret_v1" "harbor_token_service" {
  metadata {
    name      = "harbor-token-service"
    namespace = kubernetes_namespace_v1.platform["harbor"].metadata[0].name
  }

  type = "kubernetes.io/tls"

  data = {
    "tls.key" = tls_private_key.harbor_token_service.private_key_pem
    "tls.crt" = tls_self_signed_cert.harbor_token_service.cert_pem
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

################################################################################
# Keycloak: the operator's bootstrap admin user (break-glass) and service-account
# client (stage 40's keycloak provider, client-credentials grant).
################################################################################

resource "random_password" "keycloak_bootstrap" {
  for_each = toset(["user", "service"])

  length  = 32
  special = false
}

resource "kubernetes_secret_v1" "keycloak_bootstrap_admin" {
  metadata {
    name      = "keycloak-bootstrap-admin"
    namespace = kubernetes_namespace_v1.platform["keycloak"].metadata[0].name
  }

  data = {
    username = "bootstrap-admin"
    password = random_password.keycloak_bootstrap["user"].result
  }
}

resource "kubernetes_secret_v1" "keycloak_bootstrap_service" {
  metadata {
    name      = "keycloak-bootstrap-service"
    namespace = kubernetes_namespace_v1.platform["keycloak"].metadata[0].name
  }

  data = {
    client-id     = "opsta-terraform"
    client-secret = random_password.keycloak_bootstrap["service"].result
  }
}

################################################################################
# SSO client secrets: generated here so the charts that read them from a Secret
# start with it; stage 40 registers each Keycloak client with the same secret
# (read from this stage's state) and hands it to Harbor and Vault.
################################################################################

resource "random_password" "oidc" {
  for_each = toset(var.sso_clients)

  length  = 48
  special = false
}

# Prometheus and Grafana: the chart reads its OIDC client from this Secret (see its Helm values).
resource "kubernetes_secret_v1" "grafana_oidc" {
  metadata {
    name      = "grafana-oidc"
    namespace = kubernetes_namespace_v1.platform["monitoring"].metadata[0].name
  }

  data = {
    client-id     = "grafana"
    client-secret = random_password.oidc["grafana"].result
  }
}
