package dev.newsbot.answer;

/**
 * Where the answer path reports its stages to a tracing system: one {@link Trace} per question, one
 * {@link Stage} per stage inside it. {@link #NONE} does nothing and is the default, so tracing costs nothing when off.
 */
public interface StageTracer {

    /** Does nothing: the tracer when no tracing is configured. */
    StageTracer NONE = setName -> Trace.NONE;

    /** Starts the trace of one question asked of the set {@code setName}. */
    Trace question(String setName);

    /** The trace of one question; close it when the answer is written. */
    interface Trace extends AutoCloseable {

        /** Does nothing. */
        Trace NONE = new Trace() {
            @Override
            public Stage stage(String name) {
                return Stage.NONE;
            }

            @Override
            public void close() {
            }
        };

        /** Starts the stage {@code name} (embed, retrieve, answer) inside this trace. */
        Stage stage(String name);

        @Override
        void close();
    }

    /** One stage of a question; close it when the stage ends. */
    interface Stage extends AutoCloseable {

        /** Does nothing. */
        Stage NONE = () -> { };

        @Override
        void close();
    }
}
