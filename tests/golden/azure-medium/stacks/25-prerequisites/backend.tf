# Backend blocks cannot reference variables, so the state location is written
# literally. Every value here comes from validated plan fields (name and
# subscription) through the HCL string encoder. The account has no shared keys:
# Terraform reaches the blob with an Entra ID token (GitHub OIDC in Actions).
terraform {
  backend "azurerm" {
    storage_account_name = "acmeprodtfa40f2453"
    container_name       = "tfstate"
    key                  = "stacks/25-prerequisites.tfstate"
    use_azuread_auth     = true
    use_oidc             = true
  }
}
