# Backend blocks cannot reference variables, so the state location is written
# literally. Every value here comes from validated plan fields (name, project ID)
# through the HCL string encoder. GCS locks the state with a lock object next to it.
terraform {
  backend "gcs" {
    bucket = "acme-prod-tfstate-my-project"
    prefix = "stacks/40-config"
  }
}
