// The official Ollama and OpenAI JavaScript clients against a URL: prints one JSON line of what they received,
// or {"error": message} when the client threw (a cut stream must make it throw).
import { Ollama } from 'ollama';
import OpenAI from 'openai';

const [kind, url, model, key] = process.argv.slice(2);
const messages = [{ role: 'user', content: 'why is the sky blue' }];
try {
  if (kind === 'ollama') {
    const ollama = new Ollama({ host: url });
    let text = '';
    for await (const part of await ollama.chat({ model, messages, stream: true })) {
      text += part.message.content;
    }
    const generated = await ollama.generate({ model, prompt: 'say hi', stream: false });
    const listed = await ollama.list();
    console.log(JSON.stringify({ text, generated: generated.response, models: listed.models.map((m) => m.name) }));
  } else {
    const openai = new OpenAI({ baseURL: url, apiKey: key, maxRetries: 0 });
    let text = '';
    const stream = await openai.chat.completions.create({ model, messages, stream: true });
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    const whole = await openai.chat.completions.create({ model, messages });
    console.log(JSON.stringify({ text, whole: whole.choices[0].message.content, tokens: whole.usage.total_tokens }));
  }
} catch (e) {
  console.log(JSON.stringify({ error: String(e.message ?? e) }));
}
