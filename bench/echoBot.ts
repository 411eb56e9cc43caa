import { MessageFactory, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import restify from 'restify';

/**
 * The framework's own ceiling: an echo bot on the same stack (teams-ai Application, TeamsAdapter,
 * restify) with nothing else, so the bench can compare the real bot's throughput against it.
 */
const adapter = new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
const app = new Application<TurnState>({ adapter, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false, turnStateFactory: () => new TurnState() });
app.activity('message', async (context) => {
  await context.sendActivity(MessageFactory.text(`echo: ${context.activity.text ?? ''}`));
});
const server = restify.createServer();
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process({ body: req.body as Record<string, unknown>, headers: req.headers, method: req.method ?? 'POST' }, res, (context) => app.run(context).then(() => undefined));
});
server.get('/healthz', async (_req, res) => {
  res.json({ status: 'ok' });
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
