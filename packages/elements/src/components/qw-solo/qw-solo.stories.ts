import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createFakeClient } from '../../testing/fake-client.js';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-solo>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Composites/qw-solo', component: 'qw-solo' };
export default meta;
type Story = StoryObj;

function soloReveal() {
  const client = s.reveal(true);
  const value = client.$session.get()!;
  client.$session.set({ ...value, mode: 'solo' });
  return html`<qw-solo .client=${client}></qw-solo>`;
}

export const Start: Story = {
  name: 'Start',
  render: () => html`<qw-solo .client=${createFakeClient()}></qw-solo>`,
};
export const BetweenQuestions: Story = { name: 'Between questions', render: () => soloReveal() };
