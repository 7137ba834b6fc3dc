terraform {
  required_version = ">= 1.11"

  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 3.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "~> 4.0"
    }
  }
}

# Credentials come from the kubeconfig the workflow writes for this run
# (KUBE_CONFIG_PATH), obtained with the OIDC-federated identity: none is stored.
provider "kubernetes" {}
