/**
 * The bench's reference for cold starts: a Lambda handler that does nothing of ours, bundled
 * and started the same way as the functions (Hono under hono/aws-lambda, answering one event
 * with a Response, as every function does). What it costs is what any function pays on this
 * machine, this Node, at this moment; the functions' cold starts are budgeted as ratios to it.
 */
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

export const handler = handle(new Hono().all('*', (c) => c.text('ok')));
