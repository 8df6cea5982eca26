package dev.newsbot.answer;

import dev.newsbot.index.TextAnalyzer;

/** The default, extractive answerer keeps the answerer contract. */
class ExtractiveAnswererContractTest extends AnswererContract {

    @Override
    protected Answerer answerer() {
        return new ExtractiveAnswerer(new TextAnalyzer(), 3);
    }
}
