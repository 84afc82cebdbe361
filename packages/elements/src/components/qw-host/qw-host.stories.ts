import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createFakeClient } from '../../testing/fake-client.js';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-host>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Composites/qw-host', component: 'qw-host' };
export default meta;
type Story = StoryObj;

export const CreateAGame: Story = {
  name: 'Create a game',
  render: () => html`<qw-host .client=${createFakeClient()}></qw-host>`,
};
export const Lobby: Story = {
  name: 'Lobby',
  render: () => html`<qw-host .client=${s.lobbyFull()}></qw-host>`,
};
export const Generating: Story = {
  name: 'Generating',
  render: () => html`<qw-host .client=${s.generation('running')}></qw-host>`,
};
export const LiveQuestion: Story = {
  name: 'Live question',
  render: () => html`<qw-host .client=${s.liveHistogram()}></qw-host>`,
};
export const Reveal: Story = {
  name: 'Reveal',
  render: () => html`<qw-host .client=${s.reveal(true, 'host')}></qw-host>`,
};
