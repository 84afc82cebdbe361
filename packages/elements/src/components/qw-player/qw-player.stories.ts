import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createFakeClient } from '../../testing/fake-client.js';
import * as s from '../../testing/scenarios.js';
import './define.js';

/** Stories of `<qw-player>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Composites/qw-player', component: 'qw-player' };
export default meta;
type Story = StoryObj;

function reconnectingPlayer() {
  const client = s.answering();
  client.$connection.set({
    state: 'reconnecting',
    attempt: 2,
    recovered: null,
    closeCode: null,
    error: null,
  });
  return html`<qw-player .client=${client}></qw-player>`;
}

export const Join: Story = {
  name: 'Join',
  render: () => html`<qw-player .client=${createFakeClient()} code="K7QF"></qw-player>`,
};
export const Lobby: Story = {
  name: 'Lobby',
  render: () => html`<qw-player .client=${s.lobbyFull('player')}></qw-player>`,
};
export const Question: Story = {
  name: 'Question',
  render: () => html`<qw-player .client=${s.answering()}></qw-player>`,
};
export const Reveal: Story = {
  name: 'Reveal',
  render: () => html`<qw-player .client=${s.reveal(true)}></qw-player>`,
};
export const Leaderboard: Story = {
  name: 'Leaderboard',
  render: () => html`<qw-player .client=${s.leaderboard(false)}></qw-player>`,
};
export const Podium: Story = {
  name: 'Podium',
  render: () => html`<qw-player .client=${s.finished()}></qw-player>`,
};
export const Reconnecting: Story = { name: 'Reconnecting', render: () => reconnectingPlayer() };
export const DarkTheme: Story = {
  name: 'Dark theme',
  render: () => html`<qw-player theme="dark" .client=${s.answering()}></qw-player>`,
};
