{{/*
The portal's notification settings (portal.notifications.*): SMTP for e-mail (the account only from a Secret),
the admin address and language, webhook URLs and their signing key (a Secret). Part of zt-ix.portal.env.
*/}}
{{- define "zt-ix.portal.notificationsEnv" -}}
{{- with .Values.portal.notifications }}
- name: ZTIX_NOTIFICATIONS_PORTAL_URL
  value: {{ $.Values.portal.externalUrl | quote }}
- name: ZTIX_NOTIFICATIONS_EMAIL_ENABLED
  value: {{ .email.enabled | quote }}
{{- if .email.enabled }}
- name: QUARKUS_MAILER_HOST
  value: {{ required "portal.notifications.email.host is required when e-mail is enabled" .email.host | quote }}
- name: QUARKUS_MAILER_PORT
  value: {{ .email.port | quote }}
- name: QUARKUS_MAILER_START_TLS
  value: {{ .email.startTls | quote }}
- name: QUARKUS_MAILER_TLS
  value: {{ .email.tls | quote }}
- name: QUARKUS_MAILER_FROM
  value: {{ .email.from | quote }}
{{- if .email.existingSecret }}
- name: QUARKUS_MAILER_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .email.existingSecret }}
      key: {{ .email.usernameKey }}
- name: QUARKUS_MAILER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .email.existingSecret }}
      key: {{ .email.passwordKey }}
{{- end }}
{{- end }}
{{- if .adminEmail }}
- name: ZTIX_NOTIFICATIONS_ADMIN_EMAIL
  value: {{ .adminEmail | quote }}
{{- end }}
- name: ZTIX_NOTIFICATIONS_ADMIN_LANGUAGE
  value: {{ .adminLanguage | quote }}
{{- if .webhooks.urls }}
- name: ZTIX_NOTIFICATIONS_WEBHOOK_URLS
  value: {{ join "," .webhooks.urls | quote }}
- name: ZTIX_NOTIFICATIONS_WEBHOOK_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ required "portal.notifications.webhooks.existingSecret (the signing key) is required with webhook urls" .webhooks.existingSecret }}
      key: {{ .webhooks.key }}
{{- end }}
{{- end }}
{{- end }}
