// Azure resources for JTAI assistant (deployed by `arm/deploy` in teamsapp.yml, or by hand with
// `az deployment group create --resource-group <rg> --template-file infra/azure.bicep --parameters ...`):
//   - Linux App Service plan + Web App running the bot (Node 20 LTS, `npm start`)
//   - Azure Database for PostgreSQL Flexible Server 16 (Burstable B1ms) with a database `jtai`
//   - Azure Bot registration with the Microsoft Teams channel (./botRegistration/azurebot.bicep)
// Outputs are written by the toolkit into env/.env.<env> (BOT_DOMAIN, BOT_AZURE_APP_SERVICE_RESOURCE_ID, ...).

@maxLength(20)
@minLength(4)
@description('Used to name every resource; a short hash of the resource group is appended so names are globally unique.')
param resourceBaseName string

@description('Location of the App Service and the database. Use a UK region (uksouth or ukwest) for safeguarding data.')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 or above: the bot needs Always On to send reminders on time.')
param webAppSku string = 'B1'

@maxLength(42)
@description('Name of the bot in the Azure Bot registration.')
param botDisplayName string

@description('Client (application) ID of the bot\'s Microsoft Entra app registration.')
param botAppId string

@secure()
@description('Client secret of the bot\'s Microsoft Entra app registration.')
param botAppPassword string

@description('Tenant ID of the bot\'s Microsoft Entra app registration (the Azure Bot is single tenant).')
param botTenantId string

@description('PostgreSQL administrator user name.')
param postgresAdminLogin string = 'jtaiadmin'

@secure()
@minLength(8)
@description('PostgreSQL administrator password.')
param postgresAdminPassword string

@description('Name of the application database.')
param postgresDatabaseName string = 'jtai'

@description('Where the bot keeps local files on the App Service (persistent storage lives under /home).')
param dataDir string = '/home/data'

var nameSuffix = take(uniqueString(resourceGroup().id, resourceBaseName), 6)
var baseName = toLower('${resourceBaseName}-${nameSuffix}')
var serverfarmsName = '${baseName}-plan'
var webAppName = baseName
var postgresServerName = '${baseName}-pg'

// Compute for the Web App: Linux plan (`reserved: true` marks it as Linux).
resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: serverfarmsName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

// Azure Database for PostgreSQL Flexible Server, reachable from Azure services over TLS.
resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresServerName
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: 32
      autoGrow: 'Disabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: postgresDatabaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0 - 0.0.0.0 is Azure's rule for "allow public access from any Azure service within Azure
// to this server". Created after the database: the server accepts one change at a time.
resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
  dependsOn: [
    postgresDatabase
  ]
}

// node-postgres verifies the server certificate (Azure's is signed by a public CA that Node trusts).
var databaseUrl = 'postgresql://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${postgresDatabaseName}?sslmode=verify-full'

// The Web App that hosts the bot. Oryx installs and builds on deploy; `npm start` runs it.
resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'WEBSITE_NODE_DEFAULT_VERSION'
          value: '~20'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          name: 'MicrosoftAppId'
          value: botAppId
        }
        {
          name: 'MicrosoftAppPassword'
          value: botAppPassword
        }
        {
          name: 'MicrosoftAppType'
          value: 'SingleTenant'
        }
        {
          name: 'MicrosoftAppTenantId'
          value: botTenantId
        }
        {
          name: 'DATABASE_URL'
          value: databaseUrl
        }
        {
          name: 'DATA_DIR'
          value: dataDir
        }
      ]
    }
  }
  dependsOn: [
    postgresDatabase
    postgresAllowAzure
  ]
}

// Register the web service as a bot with the Bot Framework and connect it to Microsoft Teams.
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    botServiceName: baseName
    botDisplayName: botDisplayName
    botAppId: botAppId
    botTenantId: botTenantId
    botAppDomain: webApp.properties.defaultHostName
  }
}

// Written to env/.env.<env> by the toolkit. See https://aka.ms/teamsfx-actions/arm-deploy.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output POSTGRES_SERVER_FQDN string = postgres.properties.fullyQualifiedDomainName
output POSTGRES_DATABASE_NAME string = postgresDatabaseName
