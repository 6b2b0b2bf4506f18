package io.autoclaims.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A partition's rows taken {@code size} at a time, each batch turned into output rows by a function,
 * lazily (a partition is never held whole), then optional trailing rows once the input is exhausted.
 */
final class Batches<I, O> implements Iterator<O> {
    private final Iterator<I> in;
    private final int size;
    private final Function<List<I>, List<O>> work;
    private final Supplier<List<O>> end;
    private Iterator<O> current = Collections.emptyIterator();
    private boolean ended;

    Batches(Iterator<I> in, int size, Function<List<I>, List<O>> work, Supplier<List<O>> end) {
        this.in = in;
        this.size = size;
        this.work = work;
        this.end = end;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (in.hasNext()) {
                List<I> batch = new ArrayList<>(size);
                while (batch.size() < size && in.hasNext()) {
                    batch.add(in.next());
                }
                current = work.apply(batch).iterator();
            } else if (!ended) {
                ended = true;
                current = end.get().iterator();
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public O next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
