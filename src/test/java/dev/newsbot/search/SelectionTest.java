package dev.newsbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void should_move_the_best_k_to_the_front_preferring_lower_rows_on_equal_scores() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(300);
            int k = random.nextInt(n + 3);
            int[] rows = IntStream.range(0, n).map(i -> 1000 - i).toArray();
            float[] scores = new float[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(20);
            }
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> rows[i]))
                    .limit(k).mapToInt(i -> rows[i]).sorted().toArray();

            Selection.selectBest(rows, scores, n, k);

            int[] front = Arrays.copyOf(rows, Math.min(k, n));
            Arrays.sort(front);
            assertThat(front).containsExactly(expected);
        }
    }

    @Test
    void should_keep_rows_and_scores_paired() {
        int[] rows = {4, 9, 1, 7};
        float[] scores = {0.4f, 0.9f, 0.1f, 0.7f};

        Selection.selectBest(rows, scores, 4, 2);

        for (int i = 0; i < 4; i++) {
            assertThat(scores[i]).isEqualTo(rows[i] / 10f);
        }
        assertThat(new int[] {rows[0], rows[1]}).containsExactlyInAnyOrder(9, 7);
    }
}
