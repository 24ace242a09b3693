require "govuk_app_config/govuk_puma"
GovukPuma.configure_rails(self)
