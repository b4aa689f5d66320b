FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsx scripts/prisma-generate.ts && npm run build:web
ENV NODE_ENV=production
EXPOSE 4000
CMD ["npm", "start"]
