/** A short two-tone WAV, served as a call's "recording" so QA can open and play the link. */
export function recordingWav(seconds = 2, sampleRate = 8000): Buffer {
  const samples = seconds * sampleRate;
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const hz = i < samples / 2 ? 440 : 660;
    const value = Math.round(Math.sin((2 * Math.PI * hz * i) / sampleRate) * 8000);
    buffer.writeInt16LE(value, 44 + i * 2);
  }
  return buffer;
}
