variable "name" {
  type = string
}

variable "kafka_version" {
  description = "MSK Kafka version; the services' Kafka 4.1 client talks to any broker from 2.1 on. Prefer a KRaft version where MSK offers one."
  type        = string
  default     = "3.9.x"
}

variable "broker_instance_type" {
  type    = string
  default = "kafka.m7g.large"
}

variable "broker_count" {
  description = "A multiple of the number of subnets (zones)"
  type        = number
  default     = 3
}

variable "volume_size_gb" {
  type    = number
  default = 200
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "allowed_security_group_ids" {
  type = list(string)
}

variable "tags" {
  type    = map(string)
  default = {}
}
