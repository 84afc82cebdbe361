import type { Question } from '@quizwire/protocol';
import type { GenerationRequest, QuestionSource } from '../generation/types.js';
import type { Logger } from '../logger.js';
import { toRoomQuestions } from './dispatch.js';
import type { Room } from './room.js';

/**
 * Stream generated questions into a room: the room enters `generating`, the host receives each
 * question as `generation.question` the moment it passes validation, everyone sees
 * `generation.progress`, and the room returns to the lobby with the questions loaded (the host
 * may still edit, drop or regenerate with `quiz.load` / `quiz.generate` before starting).
 */
export async function runGeneration(
  room: Room,
  source: QuestionSource,
  request: GenerationRequest,
  logger: Logger,
): Promise<void> {
  const abort = new AbortController();
  room.generationAbort = abort;
  const questions: Question[] = [];
  let fromModel = 0;
  let fromBank = 0;
  const progress = (status: 'running' | 'done' | 'failed', reason?: string) => {
    room.generation = { status, ready: questions.length, requested: request.count };
    room.emit({
      type: 'generation.progress',
      seq: 0,
      status,
      ready: questions.length,
      requested: request.count,
      fromModel,
      fromBank,
      ...(reason ? { reason } : {}),
    });
  };
  progress('running');
  let reason: string | undefined;
  try {
    for await (const event of source.generate(request, {
      signal: abort.signal,
      history: room.questions.map((q) => q.prompt),
    })) {
      if (room.closed) return;
      if (event.type === 'question') {
        questions.push(event.question);
        if (event.source === 'model') fromModel++;
        else fromBank++;
        room.sendToHost({
          type: 'generation.question',
          index: event.index,
          source: event.source,
          question: event.question,
        });
        progress('running');
      } else if (event.type === 'rejected') {
        logger.info({ room: room.code, reason: event.reason }, 'generated question rejected');
      } else {
        reason = event.reason;
      }
    }
  } catch (error) {
    logger.error({ room: room.code, err: (error as Error)?.message }, 'generation failed');
    reason = 'error';
  } finally {
    room.generationAbort = null;
  }
  if (room.closed) return;
  room.setGenerating(false);
  if (questions.length > 0) {
    const title = request.topic ? `Quiz: ${request.topic}`.slice(0, 120) : 'Generated quiz';
    room.loadQuiz(title, toRoomQuestions({ title, questions }));
    progress('done', reason);
  } else {
    progress('failed', reason ?? 'no questions could be generated');
  }
}
