// Azure Bot registration for JTAI assistant, connected to Microsoft Teams.
// Single tenant: Azure Bot Service no longer creates multi-tenant bots. The Entra app registration
// itself may still be multi-tenant, so agencies in other tenants can use the bot once the app is
// installed in their Teams.

@maxLength(64)
@minLength(2)
@description('Globally unique name (handle) of the Azure Bot resource.')
param botServiceName string

@maxLength(42)
@description('Name shown for the bot in the Azure portal.')
param botDisplayName string

@description('Client (application) ID of the bot\'s Microsoft Entra app registration.')
param botAppId string

@description('Tenant ID of the bot\'s Microsoft Entra app registration.')
param botTenantId string

@description('Host name of the web app that receives the bot\'s messages, e.g. jtai-dev-abc123.azurewebsites.net.')
param botAppDomain string

@description('F0 is free; the Teams channel is a standard channel with no message charges.')
param botServiceSku string = 'F0'

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

// Connect the bot service to Microsoft Teams.
resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

output botServiceId string = botService.id
