import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createFakeClient } from '../../testing/fake-client.js';
import './define.js';

/** Stories of `<qw-join>` fed by fake stores: every meaningful state, no server needed. */
const meta: Meta = { title: 'Pieces/qw-join', component: 'qw-join' };
export default meta;
type Story = StoryObj;

function withError(code: string) {
  const client = createFakeClient();
  client.failNext('player.join', Object.assign(new Error(code), { code }));
  const el = html`<qw-join .client=${client} code="K7QF" nickname="Ada"></qw-join>`;
  // Submit once rendered, so the story shows the inline error.
  setTimeout(() => {
    const join = document.querySelector('qw-join');
    join?.shadowRoot?.querySelector<HTMLButtonElement>('[part=join-button]')?.click();
  }, 50);
  return el;
}

export const Empty: Story = {
  name: 'Empty',
  render: () => html`<qw-join .client=${createFakeClient()}></qw-join>`,
};
export const PrefilledFromTheQRLink: Story = {
  name: 'Prefilled from the QR link',
  render: () => html`<qw-join .client=${createFakeClient()} code="K7QF"></qw-join>`,
};
export const NicknameTaken: Story = { name: 'Nickname taken', render: () => withError('NAME_TAKEN') };
export const UnknownCode: Story = { name: 'Unknown code', render: () => withError('ROOM_NOT_FOUND') };
export const FrenchStrings: Story = {
  name: 'French strings',
  render: () =>
    html`<qw-join .client=${createFakeClient()} .strings=${{ joinTitle: 'Rejoindre une partie', codeLabel: 'Code', nicknameLabel: 'Pseudo', joinButton: 'Rejoindre', friendlyName: 'Choisis pour moi' }}></qw-join>`,
};
