package dev.corsfilter.testing;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A map and a deque that count every element their user looks at: one for each lookup, store or removal by
 * key or at an end, one for each element any iteration yields (every bulk operation, search or stream goes
 * through an iterator). A structure given to code under test then shows the work that code does per
 * operation, counted rather than timed, wherever in the code a scan would be.
 */
public final class CountingStorage {

    private final AtomicLong looks = new AtomicLong();

    /**
     * How many elements were looked at so far, in every structure this made.
     *
     * @return the count
     */
    public long looks() {
        return looks.get();
    }

    /**
     * A counting map, empty.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @return the map
     */
    public <K, V> ConcurrentMap<K, V> map() {
        return new CountingMap<>(looks);
    }

    /**
     * A counting deque, empty; like {@link ArrayDeque}, not thread-safe.
     *
     * @param <E> the element type
     * @return the deque
     */
    public <E> Deque<E> deque() {
        return new CountingDeque<>(looks);
    }

    private static <E> Iterator<E> counting(Iterator<E> iterator, AtomicLong looks) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public E next() {
                looks.incrementAndGet();
                return iterator.next();
            }

            @Override
            public void remove() {
                iterator.remove();
            }
        };
    }

    private static final class CountingMap<K, V> extends AbstractMap<K, V> implements ConcurrentMap<K, V> {
        private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
        private final AtomicLong looks;

        CountingMap(AtomicLong looks) {
            this.looks = looks;
        }

        private <T> T look(T result) {
            looks.incrementAndGet();
            return result;
        }

        @Override
        public V get(Object key) {
            return look(map.get(key));
        }

        @Override
        public boolean containsKey(Object key) {
            return look(map.containsKey(key));
        }

        @Override
        public V put(K key, V value) {
            return look(map.put(key, value));
        }

        @Override
        public V remove(Object key) {
            return look(map.remove(key));
        }

        @Override
        public V putIfAbsent(K key, V value) {
            return look(map.putIfAbsent(key, value));
        }

        @Override
        public boolean remove(Object key, Object value) {
            return look(map.remove(key, value));
        }

        @Override
        public boolean replace(K key, V oldValue, V newValue) {
            return look(map.replace(key, oldValue, newValue));
        }

        @Override
        public V replace(K key, V value) {
            return look(map.replace(key, value));
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public void clear() {
            looks.addAndGet(map.size());
            map.clear();
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<K, V>> iterator() {
                    return counting(map.entrySet().iterator(), looks);
                }

                @Override
                public int size() {
                    return map.size();
                }
            };
        }
    }

    private static final class CountingDeque<E> extends AbstractCollection<E> implements Deque<E> {
        private final ArrayDeque<E> deque = new ArrayDeque<>();
        private final AtomicLong looks;

        CountingDeque(AtomicLong looks) {
            this.looks = looks;
        }

        private <T> T look(T result) {
            looks.incrementAndGet();
            return result;
        }

        @Override
        public Iterator<E> iterator() {
            return counting(deque.iterator(), looks);
        }

        @Override
        public Iterator<E> descendingIterator() {
            return counting(deque.descendingIterator(), looks);
        }

        @Override
        public int size() {
            return deque.size();
        }

        @Override
        public void addFirst(E e) {
            look(deque.offerFirst(e));
        }

        @Override
        public void addLast(E e) {
            look(deque.offerLast(e));
        }

        @Override
        public boolean offerFirst(E e) {
            return look(deque.offerFirst(e));
        }

        @Override
        public boolean offerLast(E e) {
            return look(deque.offerLast(e));
        }

        @Override
        public E removeFirst() {
            return look(deque.removeFirst());
        }

        @Override
        public E removeLast() {
            return look(deque.removeLast());
        }

        @Override
        public E pollFirst() {
            return look(deque.pollFirst());
        }

        @Override
        public E pollLast() {
            return look(deque.pollLast());
        }

        @Override
        public E getFirst() {
            return look(deque.getFirst());
        }

        @Override
        public E getLast() {
            return look(deque.getLast());
        }

        @Override
        public E peekFirst() {
            return look(deque.peekFirst());
        }

        @Override
        public E peekLast() {
            return look(deque.peekLast());
        }

        @Override
        public boolean removeFirstOccurrence(Object o) {
            return remove(o);
        }

        @Override
        public boolean removeLastOccurrence(Object o) {
            for (Iterator<E> it = descendingIterator(); it.hasNext(); ) {
                if (java.util.Objects.equals(it.next(), o)) {
                    it.remove();
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean add(E e) {
            addLast(e);
            return true;
        }

        @Override
        public boolean offer(E e) {
            return offerLast(e);
        }

        @Override
        public E remove() {
            return removeFirst();
        }

        @Override
        public E poll() {
            return pollFirst();
        }

        @Override
        public E element() {
            return getFirst();
        }

        @Override
        public E peek() {
            return peekFirst();
        }

        @Override
        public void push(E e) {
            addFirst(e);
        }

        @Override
        public E pop() {
            return removeFirst();
        }
    }
}
