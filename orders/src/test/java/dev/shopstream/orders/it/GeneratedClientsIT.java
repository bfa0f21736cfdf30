package dev.shopstream.orders.it;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shopstream.clients.auth.IntegratorClientsApi;
import dev.shopstream.clients.auth.model.IntegratorCredentials;
import dev.shopstream.clients.auth.model.IntegratorInput;
import dev.shopstream.clients.catalog.InventoryApi;
import dev.shopstream.clients.catalog.ProductsApi;
import dev.shopstream.clients.catalog.model.Money;
import dev.shopstream.clients.catalog.model.NewSku;
import dev.shopstream.clients.catalog.model.ProductInput;
import dev.shopstream.clients.catalog.model.ProductSummary;
import dev.shopstream.clients.catalog.model.ProductView;
import dev.shopstream.clients.catalog.model.PublicSkuView;
import dev.shopstream.clients.catalog.model.StockCount;
import dev.shopstream.clients.orders.OrdersApi;
import dev.shopstream.clients.orders.StaffOrdersApi;
import dev.shopstream.clients.orders.invoker.ApiException;
import dev.shopstream.clients.orders.model.AddItem;
import dev.shopstream.clients.orders.model.Address;
import dev.shopstream.clients.orders.model.Checkout;
import dev.shopstream.clients.orders.model.OrderView;
import dev.shopstream.clients.orders.model.Shipment;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An integrator's journey through the clients generated from the committed documents (docs/api, the clients
 * module) and nothing else: staff issue it a client through auth's API; it signs in with client credentials, counts
 * stock and reads the product page through catalog's; it places an order with an Idempotency-Key (sent twice,
 * placed once) and fulfils it through orders'. The clients refuse any field the documents do not describe, so a
 * document that no longer tells what the servers answer breaks this test, as it would break an integrator.
 */
class GeneratedClientsIT extends OrdersApiTest {

    private static final long PRICE_MINOR = 1500;

    @Test
    void anIntegratorStocksSellsAndFulfilsThroughTheGeneratedClients() throws Exception {
        String admin = admin();
        String name = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        IntegratorCredentials credentials = new IntegratorClientsApi(auth(admin))
                .createIntegratorClient(new IntegratorInput().name(name).description("GeneratedClientsIT's partner"));
        String integrator = users.tokens().clientCredentials(credentials.getClientId(), credentials.getClientSecret())
                .accessToken();

        ProductView product = new ProductsApi(catalog(admin)).createProduct(new ProductInput()
                .name("Generated clients tea").description("Listed by staff, stocked by the integrator")
                .prices(List.of(new Money().amountMinor(PRICE_MINOR).currency("EUR"))), UUID.randomUUID().toString());
        String sku = "GEN-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
        new InventoryApi(catalog(admin)).createSku(new NewSku().productId(product.getId()).code(sku).onHand(0),
                UUID.randomUUID().toString());

        InventoryApi inventory = new InventoryApi(catalog(integrator));
        assertThat(inventory.replaceSkuStock(sku, new StockCount().onHand(7).reason("Warehouse count"),
                UUID.randomUUID().toString()).getAvailable()).isEqualTo(7);
        ProductsApi shopWindow = new ProductsApi(catalog(null));
        assertThat(shopWindow.getProduct(product.getId(), "EUR").getSkus()).extracting(PublicSkuView::getCode,
                PublicSkuView::getInStock).containsExactly(tuple(sku, true));
        assertThat(shopWindow.listProducts(null, null, "EUR", null, true, 100, null, null, "newest").getItems())
                .extracting(ProductSummary::getId).contains(product.getId());

        OrdersApi orders = new OrdersApi(orders(integrator));
        String key = UUID.randomUUID().toString();
        Checkout checkout = new Checkout().lines(List.of(new AddItem().sku(sku).quantity(2))).currency("EUR")
                .paymentMethodToken("pm_card_visa").shippingAddress(new Address().name("Erika Mustermann")
                        .line1("Hauptstraße 5").postalCode("10115").city("Berlin").country("DE"));
        OrderView placed = orders.createOrder(key, checkout);
        assertThat(orders.createOrder(key, checkout).getId()).as("the same key places one order")
                .isEqualTo(placed.getId());
        ApiException reused = catchThrowableOfType(ApiException.class, () -> orders.createOrder(key,
                new Checkout().lines(List.of(new AddItem().sku(sku).quantity(3))).currency("EUR")
                        .paymentMethodToken("pm_card_visa").shippingAddress(checkout.getShippingAddress())));
        assertThat(reused.getCode()).as(reused.getResponseBody()).isEqualTo(422);

        OrderView confirmed = settled(orders, placed.getId());
        assertThat(confirmed.getStatus()).as(confirmed.toString()).isEqualTo(OrderView.StatusEnum.CONFIRMED);
        assertThat(confirmed.getSubtotalMinor()).isEqualTo(2 * PRICE_MINOR);
        assertThat(confirmed.getCapturedMinor()).isEqualTo(confirmed.getTotalMinor());

        StaffOrdersApi fulfilment = new StaffOrdersApi(orders(integrator));
        assertThat(fulfilment.packOrder(placed.getId()).getStatus()).isEqualTo(OrderView.StatusEnum.PACKED);
        assertThat(fulfilment.shipOrder(placed.getId(), new Shipment().carrier("DHL")
                .trackingNumber("00340434161234567890")).getTrackingNumber()).isEqualTo("00340434161234567890");
        assertThat(fulfilment.deliverOrder(placed.getId()).getStatus()).isEqualTo(OrderView.StatusEnum.DELIVERED);
        assertThat(inventory.getSkuStock(sku).getOnHand()).as("the 2 sold left the warehouse").isEqualTo(5);
    }

    private static OrderView settled(OrdersApi orders, UUID id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        OrderView order = orders.getMyOrder(id);
        while (order.getStatus() == OrderView.StatusEnum.PENDING && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            order = orders.getMyOrder(id);
        }
        return order;
    }

    private static dev.shopstream.clients.auth.invoker.ApiClient auth(String token) {
        return new dev.shopstream.clients.auth.invoker.ApiClient(HttpClient.newBuilder(), strictMapper(),
                address("auth")).setRequestInterceptor(bearer(token));
    }

    private static dev.shopstream.clients.catalog.invoker.ApiClient catalog(String token) {
        return new dev.shopstream.clients.catalog.invoker.ApiClient(HttpClient.newBuilder(), strictMapper(),
                address("catalog")).setRequestInterceptor(bearer(token));
    }

    private static dev.shopstream.clients.orders.invoker.ApiClient orders(String token) {
        return new dev.shopstream.clients.orders.invoker.ApiClient(HttpClient.newBuilder(), strictMapper(),
                address(null)).setRequestInterceptor(bearer(token));
    }

    /** The generated mapper, made to refuse a field the document does not describe. */
    private static ObjectMapper strictMapper() {
        return dev.shopstream.clients.orders.invoker.ApiClient.createDefaultObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The server's address without a trailing slash: the documents' server is "/", their paths absolute. */
    private static String address(String neighbour) {
        String uri = (neighbour == null ? platform.baseUri() : platform.baseUri(neighbour)).toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        };
    }
}
