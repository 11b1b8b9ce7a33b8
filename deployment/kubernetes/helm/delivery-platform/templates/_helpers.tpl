{{/* Name of a service's Kubernetes objects: <key>-service (other services and the JWKS URI rely on it). */}}
{{- define "delivery.fullname" -}}
{{- printf "%s-service" . -}}
{{- end -}}

{{/* Labels on every object. Call with (dict "root" $ "name" $name). */}}
{{- define "delivery.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: delivery-platform
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{- if .name }}
{{ include "delivery.selectorLabels" . }}
{{- end }}
{{- end -}}

{{/* Labels a service's Service, HPA and PDB select its pods by. */}}
{{- define "delivery.selectorLabels" -}}
app.kubernetes.io/name: {{ include "delivery.fullname" .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Image reference. Call with (dict "root" $ "svc" $svc). */}}
{{- define "delivery.image" -}}
{{- $tag := .svc.image.tag | default .root.Values.global.imageTag | default .root.Chart.AppVersion -}}
{{- printf "%s/%s:%s" .root.Values.global.imageRegistry .svc.image.repository $tag -}}
{{- end -}}
