environment        = "production"
region             = "eu-central-1"
azs                = ["eu-central-1a", "eu-central-1b", "eu-central-1c"]
vpc_cidr           = "10.30.0.0/16"
domain             = "delivery.example.com"
single_nat_gateway = false

eks_node_instance_types = ["m7i.xlarge"]
eks_node_min            = 3
eks_node_max            = 15
eks_node_desired        = 6

rds_instance_class       = "db.m7g.xlarge"
rds_multi_az             = true
redis_node_type          = "cache.m7g.large"
redis_replicas           = 3
msk_broker_instance_type = "kafka.m7g.large"
docdb_instance_class     = "db.r6g.large"
docdb_instance_count     = 3
elasticsearch_nodes      = 3
elasticsearch_memory     = "8Gi"
deletion_protection      = true

web_origins = ["https://app.delivery.example.com"]
