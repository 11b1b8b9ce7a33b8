# Elasticsearch 9 on the EKS cluster through Elastic Cloud on Kubernetes (ECK).
#
# Why not Amazon OpenSearch Service: vendor-service uses the Elasticsearch 9 Java client (Spring Data
# Elasticsearch, Boot 4), which checks the product header and refuses OpenSearch; OpenSearch also diverges
# from the Elasticsearch 9 APIs. Elastic Cloud (the elastic/ec provider) is the managed alternative.
#
# The cluster keeps ECK's defaults (security on) except HTTP TLS, which stays inside the cluster network.
# vendor-service authenticates as its own file-realm user; its URI with credentials goes to Secrets Manager
# (output vendor_uris -> modules/secrets-manager elasticsearch_uris -> secret vendor-service-elasticsearch).

resource "helm_release" "eck_operator" {
  name             = "eck-operator"
  repository       = "https://helm.elastic.co"
  chart            = "eck-operator"
  version          = var.eck_operator_version
  namespace        = var.namespace
  create_namespace = true
  values = [yamlencode({
    installCRDs = true
    resources = {
      requests = { cpu = "100m", memory = "256Mi" }
      limits   = { memory = "512Mi" }
    }
  })]
}

resource "random_password" "vendor" {
  length  = 32
  special = false
}

resource "kubernetes_secret_v1" "vendor_user" {
  metadata {
    name      = "${var.cluster_name}-vendor-service-user"
    namespace = var.namespace
  }
  type = "kubernetes.io/basic-auth"
  data = {
    username = "vendor-service"
    password = random_password.vendor.result
    # index management for the vendors and menu_items indices (create, mappings, reindex)
    roles = "vendor_search"
  }
  depends_on = [helm_release.eck_operator]
}

resource "kubernetes_secret_v1" "roles" {
  metadata {
    name      = "${var.cluster_name}-roles"
    namespace = var.namespace
  }
  data = {
    "roles.yml" = yamlencode({
      vendor_search = {
        cluster = ["monitor"]
        indices = [{
          names      = ["vendors*", "menu_items*"]
          privileges = ["all"]
        }]
      }
    })
  }
  depends_on = [helm_release.eck_operator]
}

resource "helm_release" "elasticsearch" {
  name       = var.cluster_name
  repository = "https://helm.elastic.co"
  chart      = "eck-elasticsearch"
  version    = var.eck_operator_version
  namespace  = var.namespace
  values = [yamlencode({
    fullnameOverride = var.cluster_name
    version          = var.elasticsearch_version
    http = {
      tls = { selfSignedCertificate = { disabled = true } }
    }
    auth = {
      roles     = [{ secretName = kubernetes_secret_v1.roles.metadata[0].name }]
      fileRealm = [{ secretName = kubernetes_secret_v1.vendor_user.metadata[0].name }]
    }
    nodeSets = [{
      name  = "default"
      count = var.node_count
      config = {
        "node.store.allow_mmap" = false
      }
      podTemplate = {
        spec = {
          containers = [{
            name = "elasticsearch"
            resources = {
              requests = { cpu = var.cpu, memory = var.memory }
              limits   = { memory = var.memory }
            }
          }]
          topologySpreadConstraints = [{
            maxSkew           = 1
            topologyKey       = "topology.kubernetes.io/zone"
            whenUnsatisfiable = "DoNotSchedule"
            labelSelector = {
              matchLabels = { "elasticsearch.k8s.elastic.co/cluster-name" = var.cluster_name }
            }
          }]
        }
      }
      volumeClaimTemplates = [{
        metadata = { name = "elasticsearch-data" }
        spec = {
          accessModes      = ["ReadWriteOnce"]
          storageClassName = var.storage_class
          resources        = { requests = { storage = var.storage_size } }
        }
      }]
    }]
  })]
  depends_on = [helm_release.eck_operator]
}

# EKS only ships a gp2 class; Elasticsearch data volumes use gp3 (through the EBS CSI add-on of modules/eks)
resource "kubernetes_storage_class_v1" "gp3" {
  count = var.create_storage_class ? 1 : 0
  metadata {
    name = var.storage_class
  }
  storage_provisioner    = "ebs.csi.aws.com"
  reclaim_policy         = "Retain"
  volume_binding_mode    = "WaitForFirstConsumer"
  allow_volume_expansion = true
  parameters = {
    type      = "gp3"
    encrypted = "true"
  }
}
